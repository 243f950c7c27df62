# needs: a writable current folder
printf 'a\n' > f3; awk '{print v, $0}' v=1 f3 v=2 f3
