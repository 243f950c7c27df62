# A script made executable runs by path; test -x/-r/-w follow the mode.
umask 022
printf '#!/bin/sh\necho "ran with $1"\n' > tool.sh
[ -x tool.sh ] || echo "not yet"
chmod 755 tool.sh
./tool.sh arg
for t in -r -w -x; do if [ $t tool.sh ]; then echo "$t yes"; else echo "$t no"; fi; done
