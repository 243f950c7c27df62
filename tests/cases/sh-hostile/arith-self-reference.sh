a=a
echo $((a))
echo "after $?"
