sed p nosuch; echo "rc=$?"
