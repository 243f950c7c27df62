printf 'a\n' > f; sed 's/a/b/' f nosuch f; echo "rc=$?"; sed -n p nosuch; echo "rc=$?"
