test 1 -eq 2 -o 2 -eq 2; echo $?
