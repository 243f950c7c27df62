printf 'abc' > x; printf 'abd' > y; cmp x y; echo "rc=$?"
