f() { f; }
f
echo "survived $?"
