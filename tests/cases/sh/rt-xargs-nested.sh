# needs: xargs find sort sed cat wc mkdir cp echo
# files
# Commands run from inside another (xargs, find -exec) get arenas of their
# own; the shell's work between them must not land in the outer one.
printf '%s\n' alpha beta gamma > names
xargs -I{} mkdir -p out/{} < names
xargs -I {} cp names out/{}/list < names
xargs -I{} sed -i 's/{}/[{}]/' out/{}/list < names
find out -name list | sort | xargs cat
find out -name list -exec sed -i 's/^/> /' {} \;
find out -name list | sort | xargs -n1 wc -l
for i in 1 2 3; do printf '%s\n' x y | xargs -n1 sh -c 'echo "in $0: $1"' sh; echo "status $? ${PIPESTATUS[*]}"; done
printf 'a b\nc\n' | xargs -L1 echo line:
printf 'a\0b c\0' | xargs -0 -n1 echo item:
printf 'p,q,r' | xargs -d, -t echo 2>&1
printf '' | xargs -r echo never; echo "empty: $?"
printf '1\n2\n3\n4\n' | xargs -P4 -n2 echo
printf 'x\n' | xargs -t -I{} echo {} and {} 2>&1
printf 'x\n' | xargs -I% echo %-% 2>&1
printf '  lead\n' | xargs -I{} echo "[{}]"
printf 'a b\n' | xargs -t -I{} echo {} 2>&1
printf '"q x" y\n' | xargs -I{} echo "[{}]"
printf 'a  b \n' | xargs -I{} echo "[{}]"
printf "it's\n" | xargs -I{} echo {}; echo "unmatched: $?"
printf "a'b\0c\$d\0e*f\0g\0\0h\"i\0tab\tx\0#f\0" | xargs -0 -t echo 2>&1 > /dev/null
