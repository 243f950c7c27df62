printf 'x\n' > f; sed -i 's/x/y/' f; cat f
