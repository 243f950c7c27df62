printf 'a b c\n' | awk 'BEGIN{OFS="-"} {$1=$1; print}'
