printf 'a1\nB2\n c\n' | awk '/^[[:upper:]][[:digit:]]$/ {print "up", $0} /^[[:space:]]/ {print "sp", $0}'
