printf 'foo foo foo\n' | awk '{sub(/foo/, "bar"); print}'
