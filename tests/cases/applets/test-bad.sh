test 1 -eq; echo $?
