mkdir d o; printf 'y\n' > d/f; tar cf a.tar d; tar xf a.tar -C o; cat o/d/f
