echo 1 > f; echo 2 | tee -a f > /dev/null; cat f
