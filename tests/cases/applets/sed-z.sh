printf 'a\0b\0' | sed -z 's/^/x/' | tr '\0' '\n'
