false; true && echo $?
false || { echo "in $?"; }
