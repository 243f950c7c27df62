# needs: cat
echo data | cat /dev/stdin
echo data2 | cat - 
echo toerr > /dev/stderr
