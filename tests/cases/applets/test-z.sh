test -z ''; echo $?
