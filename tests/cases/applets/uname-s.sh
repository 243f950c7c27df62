uname -s > /dev/null; echo $?
