date -d 'not a date'; echo "rc=$?"
