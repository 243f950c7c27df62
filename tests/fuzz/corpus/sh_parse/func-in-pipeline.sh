# needs: tr
upper() { tr a-z A-Z; }
echo hello | upper
gen() { for i in 1 2 3; do echo $i; done; }
gen | while read n; do echo "n$n"; done
