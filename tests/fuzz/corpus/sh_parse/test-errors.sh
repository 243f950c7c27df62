[ 1 -eq ]; echo $?
[ a -eq 1 ]; echo $?
[ 1 = 1; echo $?
test 1 2 3; echo $?
