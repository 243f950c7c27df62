printf 'abc' > x; printf 'abd' > y; cmp -l x y; echo "rc=$?"
