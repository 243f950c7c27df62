seq 5 > f; gzip f; gzip -d f.gz; cat f
