mkdir d; printf 'x\n' > d/f; tar cf a.tar d; rm -r d; tar xf a.tar; cat d/f
