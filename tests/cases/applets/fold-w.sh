echo 'abcdefghij' | fold -w 4
