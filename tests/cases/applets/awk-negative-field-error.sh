printf 'a\n' | awk '{print $(-1)}' 2>/dev/null || echo failed
