printf 'hello\000\001world!\000ab\n' | strings
