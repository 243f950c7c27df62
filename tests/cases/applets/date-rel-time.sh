date -u -d '2024-03-01 12:30:00 UTC +90 minutes' '+%F %T'
date -u -d '2024-03-01 23:00 UTC +2 hours' '+%F %T'
date -u -d '2024-03-01 00:00:00 UTC -1 second' '+%F %T'
date -u -d '2024-03-01 10:00:00Z +1 hour' '+%F %T'
