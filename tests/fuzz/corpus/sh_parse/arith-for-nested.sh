for ((i=1; i<=3; i++)); do
  line=""
  for ((j=1; j<=3; j++)); do line+="$((i*j)) "; done
  echo "$line"
done
