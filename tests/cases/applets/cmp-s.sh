printf 'abc' > x; printf 'abd' > y; cmp -s x y; echo "rc=$?"
