seq 3 | gzip > f.gz; zcat f.gz
