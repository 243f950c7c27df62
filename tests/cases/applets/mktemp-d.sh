d=$(mktemp -d -p . dir.XXXXXX); test -d "$d"; echo $?
