# needs: cat ls
echo gone > /dev/null
echo err 2>/dev/null >&2
ls /nonexistent-zz 2>/dev/null || echo failed quietly
cat < /dev/null; echo "empty: $?"
