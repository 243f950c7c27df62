# A key field keeps its leading blanks unless -b (columns aligned with spaces).
printf 'added   zod 3\nchanged express 4\nremoved left-pad 1\nchanged  lodash 2\n' > f
sort -k2,2 f
echo --
sort -b -k2,2 f
echo --
sort -k3,3n f
echo --
sort -k2 f
