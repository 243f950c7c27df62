printf 'apple\nbanana\ncherry\n' | grep an
