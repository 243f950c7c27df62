f=$(mktemp -p . tmp.XXXXXX); test -f "$f"; echo $?
