printf 'a b c\nd e\n\nx\n' | awk '{print NF, $NF}'
