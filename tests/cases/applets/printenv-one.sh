X=5 printenv X
