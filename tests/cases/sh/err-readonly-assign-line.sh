readonly K=1
K=2; echo same-line
echo next-line $K
