# needs: cat
# files
exec 4> log.txt
echo one >&4
echo two >&4
exec 4>&-
cat log.txt
exec > out.txt
echo hidden
exec > /dev/stderr
cat out.txt >&2
