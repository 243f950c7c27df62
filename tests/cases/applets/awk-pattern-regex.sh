printf 'apple\nbanana\ncherry\n' | awk '/an/'
