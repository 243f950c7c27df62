date -u -d @0 +%j
