readonly C=5
f() { C=6; echo "f status"; }
f
echo "C=$C"
