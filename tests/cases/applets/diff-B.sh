printf 'a\n\nb\n' > x; printf 'a\nb\n' > y; diff -B x y; echo "rc=$?"
