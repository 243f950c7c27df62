declare -i count=0
for i in 1 2 3; do count+=i; done
echo $count
count="count * 2"; echo $count
