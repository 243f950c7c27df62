printf 'foo\nbar foo baz\nfoobar\n' | grep -wc foo
