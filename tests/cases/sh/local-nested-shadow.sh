x=0
a() { local x=1; b; echo "a: $x"; }
b() { local x=2; c; echo "b: $x"; }
c() { x=3; echo "c: $x"; }
a; echo "top: $x"
