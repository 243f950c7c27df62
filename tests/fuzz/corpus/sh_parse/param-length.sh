s="hello world"
echo ${#s} ${#nonexist}
set -- a b c
echo ${#} ${#@}
