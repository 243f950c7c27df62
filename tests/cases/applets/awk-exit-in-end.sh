awk 'BEGIN{print "b"} END{print "e"; exit 4; print "no"}' </dev/null; echo "status $?"
