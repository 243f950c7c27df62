printf 'abc' > f; md5sum f
