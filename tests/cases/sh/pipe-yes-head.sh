# needs: head seq yes
yes | head -3
yes abc | head -n 2
seq 1 100000 | head -1
