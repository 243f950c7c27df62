date -u -d @1709251200 '+%Y-%m-%dT%H:%M:%SZ'
date -u -d @0 '+%F %T %Z'
date -u -d @-1 '+%F %T'
date -u -d @1700000000.123456789 '+%s %N %3N %6N'
date -u -d '1970-01-01 00:00:00 UTC' +%s
date -u -d '2024-01-15' +%s
