printf 'a b\n' | awk '{print "[" $5 "]", NF}'
