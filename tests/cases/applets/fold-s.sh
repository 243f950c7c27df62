echo 'hello big world' | fold -s -w 7
