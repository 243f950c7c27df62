test 5 -ge 5; echo $?
