mkdir -p s/t; printf 'x\n' > s/t/f; cp -r s d; cat d/t/f
