printf 'foo\nfoobar\n' | grep -x foo
