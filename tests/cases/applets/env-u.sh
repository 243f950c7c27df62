FOO=x env -u FOO printenv FOO; echo "rc=$?"
