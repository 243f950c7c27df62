truncate -s 5 f; wc -c < f
