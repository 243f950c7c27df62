declare -A c=([one]=1 [two]=2 ["th ree"]=3)
echo "${c[one]} ${c[two]} ${c[th ree]}"
c[one]+=0; echo "${c[one]}"
declare -A counts
for w in a b a c a b; do counts[$w]=$(( ${counts[$w]:-0} + 1 )); done
for k in a b c; do echo "$k ${counts[$k]}"; done
