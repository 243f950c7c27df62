echo 'a b' | sed 's/ /\t/'
