n=0
for ((i=0;i<20000;i++)); do n=$((n+i)); done
echo $n
