printf 'l1\nl2\nno-newline' | while IFS= read -r line || [ -n "$line" ]; do echo "[$line]"; done
