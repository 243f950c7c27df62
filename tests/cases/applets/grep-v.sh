printf 'apple\nbanana\ncherry\n' | grep -v an
