# needs: sort
f1() { :; }; f2() { :; }
declare -F | sort
