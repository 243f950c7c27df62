echo start
echo "${nope:?is required}"
echo never
