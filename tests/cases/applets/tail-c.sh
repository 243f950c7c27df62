printf 'abcdefgh' | tail -c 3; echo
