# needs: grep
true; echo $?
false; echo $?
echo $# 
f() { echo "$#:$1"; }; f x y
echo "$-" | grep -q h && echo has-h
