x=$(( ((((((((((((((((((((1)))))))))))))))))))) ))
echo $x
eval "$(printf '(%.0s' {1..300})echo deep$(printf ')%.0s' {1..300})"
echo "status $?"
