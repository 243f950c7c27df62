tar xf nosuch.tar; echo "rc=$?"
