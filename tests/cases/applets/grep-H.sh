printf 'x\n' > a; grep -H x a
