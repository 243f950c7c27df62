date -u -d @0 -R
