date -u --date=2024-03-01 +%F
date -u --date 2024-03-01 +%F
date -ud 2024-03-01 +%F
date -u -d 2024-03-01 +%F extra; echo "rc=$?"
date -u -x; echo "rc=$?"
printf '2024-03-01\n2024-03-01 +1 day\n' > dates; date -u -f dates +%F
date +%F -u -d 2024-03-01
date -d 2024-03-01 +%F -u
date -u -d '2020-08-01T12:34:56 + 8 : 8' '+%F %T'
