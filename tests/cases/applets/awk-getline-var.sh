printf 'a\nb\nc\n' | awk 'NR==1{getline line; print "got", line, NR}'
