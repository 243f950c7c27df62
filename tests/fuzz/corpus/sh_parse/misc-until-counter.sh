n=3
until (( n == 0 )); do echo $n; ((n--)); done
