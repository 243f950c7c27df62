printf '%-10s %5s\n' NAME SIZE
for row in "alpha 10" "beta 200" "gamma 3"; do
  set -- $row
  printf '%-10s %5d\n' "$1" "$2"
done
