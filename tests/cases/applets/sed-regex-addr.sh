printf 'a\nfoo\nb\n' | sed '/foo/d'
