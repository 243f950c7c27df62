date -u -d '2024-01-31 +1 month' +%F
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do date -u -d "2024-$m-01 +1 month -1 day" +%d; done
date -u -d '2024-03-31 -1 month' +%F
date -u -d '2024-03-01 +1 year +2 months' +%F
