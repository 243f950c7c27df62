# GNU reads a signed number right after a time as its zone: 14:00 at
# UTC+2, then 'hours' alone is +1 hour.
date -u -d '2024-03-01 14:00 +2 hours' '+%F %T'
date -u -d '2024-03-01 08:00 +1 hour ago' '+%F %T'
date -u -d '2024-03-01 12:00:00 +05:30' '+%F %T'
