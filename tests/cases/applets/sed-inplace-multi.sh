printf 'x\n' > f; printf 'x\n' > g; sed -i 's/x/z/' f g; cat f g
