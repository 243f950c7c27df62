test 1 -eq 1 -a 2 -eq 2; echo $?
