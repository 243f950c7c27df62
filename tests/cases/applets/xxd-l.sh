printf 'abcdef' | xxd -l 2
