mkdir a b; printf '1\n' > a/f; printf '1\n' > b/f; printf 'n\n' > b/new; printf 'o\n' > a/old; diff -rN a b; echo "rc=$?"
