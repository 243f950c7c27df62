echo 'a b' | sed 's/ /\n/'
