printf '1 2 3 4\n' | awk '{for (i=NF; i>0; i--) printf "%s%s", $i, (i>1 ? " " : "\n")}'
