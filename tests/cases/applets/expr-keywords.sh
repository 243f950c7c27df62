expr length 3f786850e387550fdab836ed7e6dc881de23001b
expr length ''; echo "rc=$?"
expr length héllo
expr index héllo l
expr index abcabc cb
expr substr héllo 2 3
expr substr hello 4 10
expr substr hello 0 2; echo "rc=$?"
expr match abc 'ab'
expr + length
expr index abc ''; echo "rc=$?"
