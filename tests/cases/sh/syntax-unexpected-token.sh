echo before
if then fi
echo after
