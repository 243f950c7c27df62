# needs: grep sort tr head seq
seq 1 10 | grep -v 5 | sort -rn | head -3 | tr '\n' ' '; echo
