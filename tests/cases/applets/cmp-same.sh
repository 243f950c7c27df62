printf 'abc' > x; printf 'abc' > y; cmp x y; echo "rc=$?"
