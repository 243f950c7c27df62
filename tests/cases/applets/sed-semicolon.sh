echo abc | sed 's/a/1/;s/c/3/'
