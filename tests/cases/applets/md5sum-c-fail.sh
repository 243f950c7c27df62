printf 'abc' > f; printf 'def' > g; md5sum f g > sums; printf 'xyz' > g
md5sum -c sums 2>&1; echo "rc=$?"
sha1sum f g > s1; printf 'g' > g; printf 'h' > f
sha1sum -c s1 2>&1; echo "rc=$?"
