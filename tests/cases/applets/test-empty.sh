test; echo $?
