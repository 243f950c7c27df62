echo 'hello world' | sed 's/.*/\U&/'; echo 'HELLO World' | sed 's/\(.*\) \(.*\)/\L\1\E \2/'; echo 'foo bar' | sed 's/\w\+/\u&/g'; echo 'ab-cd' | sed -E 's/(.)(.*)-(.*)/\U\1\L\2_\u\3/'
