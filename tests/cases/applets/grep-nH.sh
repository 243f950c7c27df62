printf 'x\n' > f; grep -nH x f
