printf 'BEGIN { print "from file" }\n' > p.awk; awk -f p.awk
