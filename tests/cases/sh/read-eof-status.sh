read x < /dev/null; echo "status $? [$x]"
printf 'partial' | { read y; echo "status $? [$y]"; }
