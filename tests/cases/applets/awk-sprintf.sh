awk 'BEGIN{s = sprintf("%03d-%s", 5, "x"); print s, length(s)}'
