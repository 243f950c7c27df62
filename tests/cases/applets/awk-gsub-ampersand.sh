awk 'BEGIN{s="abc"; gsub(/b/, "[&]", s); print s; t="abc"; gsub(/b/, "\\&", t); print t}'
