x=outer
x=inner eval 'echo $x'
echo $x
f() { echo "f sees $y"; }
y=temp f
echo "[${y-unset}]"
