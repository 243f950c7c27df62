test -e nosuch; echo $?
