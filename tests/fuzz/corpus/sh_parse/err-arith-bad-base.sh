echo $((2#102))
echo next
