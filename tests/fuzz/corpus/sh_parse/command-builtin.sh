echo() { builtin echo "wrapped: $*"; }
echo hi
command echo direct
unset -f echo
echo plain
