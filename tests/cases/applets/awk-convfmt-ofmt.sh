awk 'BEGIN{OFMT="%.2f"; CONVFMT="%.3f"; x=3.14159265; print x; y = x ""; print y; print 17}'
