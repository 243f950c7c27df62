printf 'the quick brown fox jumps over the lazy dog\n' | fold -s -w 10; printf 'a\tb\tc\td\n' | fold -w 10; printf 'abcdefghijkl' | fold -w 5; echo; printf 'aaaa bbbbbbbbbbbbbbbb c\n' | fold -sw 6
