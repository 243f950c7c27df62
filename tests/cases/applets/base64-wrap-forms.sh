printf 'abc' | base64 -w0; echo '|'
printf 'abc' | base64 -w 0; echo '|'
printf '' | base64; echo '|'
seq 100 | base64 -w 7 | head -3
seq 100 | base64 --wrap=10 | tail -2
seq 100 | base64 -w x; echo "rc=$?"
seq 1 40 | paste -sd, | base64 | wc -l
seq 1 40 | paste -sd, | base64 -w 0 | wc -c
