printf 'abcdef' | tail -c +3; echo
