printf 'a b c d\n' | awk '{NF=2; print}'
