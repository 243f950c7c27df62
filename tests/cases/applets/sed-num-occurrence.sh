echo aaaa | sed 's/a/b/3'
