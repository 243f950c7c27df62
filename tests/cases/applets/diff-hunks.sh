printf '1\n2\n3\n4\n5\n6\n7\n8\n' > x; printf '0\n1\n3\n4\nfour\n5\n7\n8\n9\n' > y; diff x y; echo "rc=$?"
