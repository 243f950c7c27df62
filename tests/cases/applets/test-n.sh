test -n x; echo $?
