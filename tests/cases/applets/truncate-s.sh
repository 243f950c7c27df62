printf 'abcdef' > f; truncate -s 3 f; cat f; echo
