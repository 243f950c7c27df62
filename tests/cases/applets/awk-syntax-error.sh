awk 'BEGIN{print (}' 2>/dev/null || echo failed
