exec 3>&1
echo to3 >&3
exec 3>&-
echo via-stderr 1>&2 2>/dev/null
