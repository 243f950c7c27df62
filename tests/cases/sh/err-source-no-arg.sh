source
echo "status $?"
