printf 'hello\n\nab cd\n' | awk '{print length($0), length}'
