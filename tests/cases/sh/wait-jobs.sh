for i in 1 2 3; do echo "job $i" & done
wait
echo all-done
