[ 3 -gt 2 ]; echo $?
