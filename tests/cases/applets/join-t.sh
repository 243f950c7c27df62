printf 'alice:30\nbob:25\ncarol:41\n' > a; printf 'alice:NY\ncarol:LA\ndave:SF\n' > b; join -t: a b; join -t : -a1 a b; join -t: -v2 a b
