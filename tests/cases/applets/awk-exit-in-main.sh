printf '1\n2\n3\n' | awk '{print} $1==2{exit} END{print "end", NR}'
