exec {fd}>&1
echo "via fd" >&$fd
[ "$fd" -ge 10 ] && echo fd-ok
exec {fd}>&-
