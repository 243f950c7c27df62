date -u -d '2024-03-01 +14 days' +%F
date -u -d '2024-03-01 -1 day' +%F
date -u -d '2024-03-01 +2 weeks' +%F
date -u -d '2024-03-01 +1 fortnight' +%F
date -u -d '2024-02-29 +1 year' +%F
date -u -d '2024-03-01 + 1 day' +%F
