test 1 -lt 2; echo $?
