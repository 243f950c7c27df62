date -u -d @1700000000 +%Y
