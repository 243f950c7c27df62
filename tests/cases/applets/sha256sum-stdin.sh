printf 'abc' | sha256sum
