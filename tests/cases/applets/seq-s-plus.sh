seq -s+ 1 100
echo $(( $(seq -s+ 1 100) ))
