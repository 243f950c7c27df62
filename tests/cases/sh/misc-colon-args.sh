: this is ignored $((x=5))
echo $x
: > /dev/null && echo ok
