# needs: a writable current folder
printf 'first\n' > out2.txt; awk 'BEGIN{print "second" >> "out2.txt"; close("out2.txt"); while ((getline l < "out2.txt") > 0) print l}'
