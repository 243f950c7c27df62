printf 'b 1\na 2\n' > x; printf 'a x\nb y\n' > y; join x y; echo "rc=$?"; join --nocheck-order x y; echo "rc=$?"; join --check-order x y; echo "rc=$?"
