grep x nosuchfile; echo "rc=$?"
