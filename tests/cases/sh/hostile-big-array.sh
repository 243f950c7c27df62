a=()
for ((i=0;i<5000;i++)); do a+=($i); done
echo ${#a[@]} ${a[4999]}
