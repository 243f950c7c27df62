cat nosuchfile; echo "rc=$?"
