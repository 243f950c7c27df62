mkdir a b; printf '1\n' > a/f; printf '2\n' > b/f; diff -r a b; echo "rc=$?"
