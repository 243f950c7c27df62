date -u -d @86400 +%A
