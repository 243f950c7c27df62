date -u -d 'Fri, 01 Mar 2024 10:00:00 +0100' '+%F %T'
date -u -d 'Fri Mar  1 00:00:00 UTC 2024' '+%F %T'
date -u -d 'Mar 1 2024' +%F
date -u -d 'March 1, 2024' +%F
date -u -d '1 Mar 2024' +%F
date -u -d '01-Mar-2024' +%F
date -u -d '03/01/2024' +%F
date -u -d '2024-03-01 2:30 pm' '+%F %T'
date -u -d '2024-03-01 12am' '+%F %T'
date -u -d 'TZ="UTC0" 2024-03-01 10:00' '+%F %T'
date -u -d '2024-03-01 10:00 EST' '+%F %T'
