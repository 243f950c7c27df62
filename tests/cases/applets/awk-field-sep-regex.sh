printf 'a1b22c333d\n' | awk -F'[0-9]+' '{print $1 $2 $3 $4, NF}'
