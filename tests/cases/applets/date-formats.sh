date -u -d '2024-03-01 08:05:09' '+%c|%x|%X|%r|%R|%T|%D|%h|%%|%C|%y|%q|%:z %::z %:::z %z %Z'
date -u -d '2024-03-01' '+%A, %B %-d, %Y'
date -u -d '2024-03-01' '+%Y%m%d %y/%m/%d %G-W%V day %u'
date -u -d '2024-03-01T08:05:09Z' '+%H:%M:%S %p %I'
for d in 2021-01-01 2020-12-31 2027-01-01 2026-12-31 2024-12-30; do date -u -d $d '+%j %U %W %V %G %g'; done
date -u -d @0 '+%n%t|'
