date -u -d @1700000000 -R
date -u -d '2024-03-01 10:00' --rfc-email
date -u -d @1700000000
date -u -d @1700000000 -R +%F; echo "rc=$?"
