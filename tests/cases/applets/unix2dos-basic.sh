printf 'a\nb\n' | unix2dos | od -c | head -1
