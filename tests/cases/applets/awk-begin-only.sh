awk 'BEGIN{print "hi"; print 1+2}'
