printf 'a,b,c' | xargs -d, -n1 echo
