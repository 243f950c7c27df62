printf 'a\nc\n' > pats; printf 'a\nb\nc\n' | grep -f pats
