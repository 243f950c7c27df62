for i in 1 2; { echo "b$i"; }
for ((i=0;i<2;i++)) { echo "c$i"; }
