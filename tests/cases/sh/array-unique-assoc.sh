declare -A seen
out=()
for x in b a b c a; do [[ -n ${seen[$x]} ]] && continue; seen[$x]=1; out+=("$x"); done
echo "${out[@]}"
