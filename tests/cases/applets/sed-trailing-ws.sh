printf 'a   \n' | sed 's/[[:space:]]*$//' | od -c | head -1
