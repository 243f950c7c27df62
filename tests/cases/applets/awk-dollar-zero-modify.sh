printf 'a b c\n' | awk '{$0="x y"; print $2, NF}'
