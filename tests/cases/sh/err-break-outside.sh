break
echo "status $?"
continue 2>/dev/null
echo "status $?"
