TZ=UTC0 date -d @1700000000 '+%F %T %Z %z'
TZ=UTC date -d @1700000000 '+%F %T %Z %z'
TZ=EST5 date -d @1700000000 '+%F %T %Z %z'
TZ=JST-9 date -d @1700000000 '+%F %T %Z %:z'
TZ=EST5 date -d '2024-03-01 10:00' +%s
TZ=EST5 date -u -d '2024-03-01 10:00' +%s
