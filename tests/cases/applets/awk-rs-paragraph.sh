printf 'a b\nc\n\n\nd e\nf\n' | awk 'BEGIN{RS=""} {print NR": "$1"-"$NF, NF}'
