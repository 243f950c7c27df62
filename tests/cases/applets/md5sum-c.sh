printf 'abc' > f; md5sum f > sums; md5sum -c sums
