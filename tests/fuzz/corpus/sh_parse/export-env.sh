# needs: grep env
export FOO=bar
env | grep '^FOO='
BAR=baz env | grep '^BAR='
echo "[$BAR]"
unset FOO; env | grep -c '^FOO=' 
