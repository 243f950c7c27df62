test ! -e nosuch; echo $?
