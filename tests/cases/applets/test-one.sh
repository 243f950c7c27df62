test x; echo $?
