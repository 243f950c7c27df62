printf 'a\nb\n' | sed 's/a/A/;t;s/$/?/'
