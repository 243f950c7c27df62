# needs: wc tr
# Widths and precisions past a few thousand characters pad as bash does.
printf '%02000d\n' 7 | wc -c
printf '%5000s|\n' x | wc -c
printf '%-3000s|\n' y | tr -d ' '
printf '%.2500d\n' 5 | wc -c
printf '%*s|\n' 4500 z | wc -c
