x=world
echo "hello $x" "${x}s" "\$x" "a\"b" "back\\slash" "tab\tno"
echo "$(echo "nested $x")"
