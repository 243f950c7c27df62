seq 10 | gzip -c | gunzip -c | tail -2
