# needs: cat
echo out > /dev/stdout
echo err > /dev/stderr 2>/dev/null
echo kept 2>&1 >/dev/null | cat
