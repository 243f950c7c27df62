# needs: sleep
echo bg & 
wait
echo after
sleep 0 & wait $!; echo done
