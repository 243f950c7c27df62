for x in a b c; do echo -n "$x "; done; echo
for ((i=0; i<3; i++)); do echo "i=$i"; done
for ((;;)); do break; done; echo out
for x; do echo "pos $x"; done
set -- p q; for x; do echo "pos $x"; done
