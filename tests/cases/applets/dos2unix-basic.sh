printf 'a\r\nb\r\n' | dos2unix | od -c | head -1
