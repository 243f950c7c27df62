mkdir d; test -d d; echo $?
