printf 'a b\ncc d\n' | column -t -o ' | '
