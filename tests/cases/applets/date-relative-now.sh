# Relative to the clock: compare forms that must agree.
[ "$(date -u -d yesterday +%F)" = "$(date -u -d '1 day ago' +%F)" ] && echo yesterday ok
[ "$(date -u -d tomorrow +%F)" = "$(date -u -d '+1 day' +%F)" ] && echo tomorrow ok
[ "$(date -u -d now +%F)" = "$(date -u +%F)" ] && echo now ok
[ "$(date -u -d today +%F)" = "$(date -u +%F)" ] && echo today ok
date -u -d 'next monday' '+%u %T'
date -u -d 'last friday' '+%u %T'
date -u -d 'sunday' '+%u %T'
d=$(( $(date -u -d 'next monday' +%s) - $(date -u -d 'today 00:00' +%s) ))
[ $d -ge 86400 ] && [ $d -le 604800 ] && echo next monday ahead
d=$(( $(date -u -d 'last friday' +%s) - $(date -u -d 'today 00:00' +%s) ))
[ $d -le -86400 ] && [ $d -ge -604800 ] && echo last friday behind
s=$(date -u +%s); h=$(date -u -d '+3 hours' +%s); [ $((h - s)) -ge 10799 ] && [ $((h - s)) -le 10801 ] && echo hours ok
