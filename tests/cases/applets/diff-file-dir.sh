mkdir d; printf 'a\n' > x; printf 'b\n' > d/x; diff x d; echo "rc=$?"; mkdir e; printf 'b\n' > e/x; mkdir d/sub e/sub; diff d e; echo "rc=$?"
