f() { local -a arr=(1 2 3); local -A m=([k]=v); echo "${#arr[@]} ${m[k]}"; }
f; echo "[${arr[@]}]"
