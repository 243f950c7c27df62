awk -v x=5 -v y=hello 'BEGIN{print x*2, y}'
