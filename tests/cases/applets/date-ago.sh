date -u -d '2024-03-01 3 days ago' +%F
date -u -d '2024-03-01 2 weeks ago' +%F
date -u -d '2024-03-01 12:00 UTC 90 minutes ago' '+%F %T'
date -u -d '2024-03-01 -1 days 2 hours ago' '+%F %T'
date -u -d '2024-03-01 last year' +%F
date -u -d '2024-03-01 next week' +%F
date -u -d '2024-03-01 yesterday' +%F
date -u -d '2024-03-01 tomorrow' +%F
