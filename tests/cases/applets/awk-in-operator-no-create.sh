awk 'BEGIN{if ("k" in a) print "yes"; else print "no"; n=0; for (k in a) n++; print n}'
