echo x | sed 's/x/'; echo "rc=$?"
