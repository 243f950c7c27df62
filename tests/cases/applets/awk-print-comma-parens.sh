awk 'BEGIN{print("a", "b"); print "c" "d"}'
