: ; echo $?
true; echo $?
false; echo $?
: ${x:=assigned}; echo $x
