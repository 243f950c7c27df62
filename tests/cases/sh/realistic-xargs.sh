# needs: xargs
printf 'a\nb\nc\n' | xargs echo
printf 'x y z' | xargs -n 1 echo item
