printf 'abc' | sha1sum
