x=$(exit 3); echo "status $?"
x=$(false) || echo failed
v=$(true); echo $?
