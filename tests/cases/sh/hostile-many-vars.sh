# needs: seq
for i in $(seq 1 2000); do eval "v$i=$i"; done
echo $v1 $v1000 $v2000
