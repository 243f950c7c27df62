out=""
for i in {1..5}; do out+="$i"; [ $i -lt 5 ] && out+=","; done
echo "$out"
