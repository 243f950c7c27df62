sleep abc; echo "rc=$?"
