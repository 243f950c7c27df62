out=$(
  echo one
  echo two
)
echo "$out"
echo "$(for i in 1 2; do echo $i; done)"
