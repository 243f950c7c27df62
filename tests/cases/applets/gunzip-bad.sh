printf 'notgzip' > f.gz; gunzip f.gz; echo "rc=$?"
