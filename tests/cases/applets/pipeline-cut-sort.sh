printf 'x:3\ny:1\nz:2\n' | cut -d: -f2 | sort -n | tail -1
