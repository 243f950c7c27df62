mkdir s; cp s d; echo "rc=$?"
