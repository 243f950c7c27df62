{ echo a; echo b >&2; } 2>&1 >/dev/null
