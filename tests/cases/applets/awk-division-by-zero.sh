awk 'BEGIN{print 1/0}' 2>/dev/null || echo failed
