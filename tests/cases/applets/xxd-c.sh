printf 'abcdef' | xxd -c 4
