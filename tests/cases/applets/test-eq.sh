test 1 -eq 1; echo $?
