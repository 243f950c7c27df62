printf 'a\n' | xargs false; echo "rc=$?"
