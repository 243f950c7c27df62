x=1
{ x=2; echo "group $x"; }
echo "after group $x"
( x=3; echo "sub $x" )
echo "after sub $x"
(cd /; echo "in $(pwd)"); echo "still not root: $([ "$(pwd)" != / ] && echo yes)"
