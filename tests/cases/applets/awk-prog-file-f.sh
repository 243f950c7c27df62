# needs: a writable current folder
printf 'BEGIN { print "from file" }\n' > p.awk; awk -f p.awk
