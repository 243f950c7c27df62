test 1 -ne 1; echo $?
