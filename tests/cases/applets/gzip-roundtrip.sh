seq 100 > f; gzip f; ls; gunzip f.gz; tail -1 f
