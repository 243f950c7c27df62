# touch on files that exist: now, a given date, one of the two times, a reference.
printf x > f
touch f; echo "rc=$?"
touch -d '2024-01-02 03:04:05' f; echo "rc=$?"
stat -c '%y' f | cut -c1-19
touch -m -d '2023-05-06 07:08:09' f
stat -c '%y' f | cut -c1-19
touch -a -d '2022-01-01 00:00:00' f
stat -c '%x %y' f | cut -c1-19,37-55
touch -r f g
stat -c '%y' g | cut -c1-19
mkdir d; touch -d '2021-02-03 04:05:06' d; stat -c '%y' d | cut -c1-19
