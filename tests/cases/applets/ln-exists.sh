touch a b; ln -s a b; echo "rc=$?"
