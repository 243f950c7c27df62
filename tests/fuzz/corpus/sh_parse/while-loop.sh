i=0
while [ $i -lt 5 ]; do i=$((i+1)); echo $i; done
until [ $i -le 2 ]; do i=$((i-2)); done; echo end $i
