touch f; readlink f; echo "rc=$?"
