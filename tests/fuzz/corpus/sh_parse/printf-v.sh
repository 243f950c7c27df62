printf -v out '%05.1f' 3.14159
echo "[$out]"
printf -v arr[2] '%s' x; echo "${arr[2]}"
printf -v n '%d' 42; echo $((n + 1))
