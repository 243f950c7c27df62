basename -s .c a.c b.c
