# needs: a writable current folder
printf 'a\nb\n' > f1; printf 'c\n' > f2; awk '{print FILENAME, FNR, NR}' f1 f2
