for d in 2023-02-29 1900-02-29 2000-02-29 2024-13-01 '2024-03-01 25:00' 'not a date' '2024-03-01 12:00 -30 seconds'; do
  date -u -d "$d" +%F; echo "rc=$?"
done
