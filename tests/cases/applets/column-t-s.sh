printf 'name,size\nfoo,10\nbarbaz,2\n' | column -t -s,
