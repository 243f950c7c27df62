mkdir d; rm d; echo "rc=$?"
