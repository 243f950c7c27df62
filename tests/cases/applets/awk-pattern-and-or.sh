printf '1 a\n2 b\n3 a\n' | awk '$1>1 && $2=="a" || $1==1'
