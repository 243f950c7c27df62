printf 'abc' | sha512sum
