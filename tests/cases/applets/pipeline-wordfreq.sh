printf 'b a c a b a\n' | tr ' ' '\n' | sort | uniq -c | sort -rn | head -2
