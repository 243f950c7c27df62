printf 'abc' | cksum
