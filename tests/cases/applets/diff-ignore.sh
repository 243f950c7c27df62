printf 'A b\nc  d\n\ne\n' > x; printf 'a b\nc d\ne\n' > y; diff x y; echo "rc=$?"; diff -i x y; echo "rc=$?"; diff -b -i x y; echo "rc=$?"; diff -w -i -B x y; echo "rc=$?"
