set -e
if false; then echo no; fi
false || echo handled
! false
false && echo no
while false; do :; done
x=$(false; echo still)
echo "x=$x"
f() { false; echo in-f-after-false; }
f || echo f-failed
echo end
