f() { eval f; }
f
echo "survived $?"
