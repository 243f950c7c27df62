printf 'abc' | hexdump -C
