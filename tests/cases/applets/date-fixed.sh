date -u -d @0 '+%Y-%m-%d %H:%M:%S'
