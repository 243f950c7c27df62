printf 'abc' | md5sum
