printf 'ab' | xxd -i
