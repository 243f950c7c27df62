touch a; mv -v a b
