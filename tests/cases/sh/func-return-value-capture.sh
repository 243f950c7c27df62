get() { echo "value-$1"; }
v=$(get 7); echo "$v"
sum() { local s=0; for n; do ((s+=n)); done; echo $s; }
echo "sum=$(sum 1 2 3 4)"
