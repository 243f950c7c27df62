printf 'a\nb\nc\n' | while read l; do [ "$l" = b ] && break; echo $l; done
