echo aaaa | sed 's/a/b/2g'
