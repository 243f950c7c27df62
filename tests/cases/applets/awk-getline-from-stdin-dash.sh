printf 'q\n' | awk 'BEGIN{getline l < "-"; print "l=" l}'
