date -u -d @1700000000 -I
date -u -d @1700000000 -Iseconds
date -u -d @1700000000 -Ih
date -u -d @1700000000 -Im
date -u -d @1700000000.123456789 -Ins
date -u -d @1700000000 --iso-8601
date -u -d @1700000000 --iso-8601=seconds
date -u -d @1700000000 --iso-8601=s
date -u -d @1700000000 --rfc-3339=seconds
date -u -d @1700000000.5 --rfc-3339=ns
date -u -d @1700000000 --rfc-3339=date
date -u -d @1700000000 -Ix; echo "rc=$?"
