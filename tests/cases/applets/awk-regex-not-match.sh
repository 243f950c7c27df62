printf 'foo\nbar\n' | awk '$0 !~ /^f/'
