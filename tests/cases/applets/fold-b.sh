echo 'abcdef' | fold -b -w 2
