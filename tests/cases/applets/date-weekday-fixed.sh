date -u -d '2024-03-01 next monday' +%F
for d in 2024-03-01 2024-03-04 2024-03-08 2024-12-29; do date -u -d "$d" '+%F %a %A %u %w'; done
