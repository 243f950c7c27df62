printf 'a10\na2\na1\n' | sort -V
