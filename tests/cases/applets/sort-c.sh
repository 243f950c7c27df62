printf 'a\nc\nb\n' | sort -c; echo "rc=$?"
