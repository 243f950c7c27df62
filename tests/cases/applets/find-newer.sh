touch -d '2000-01-01' old; touch new; find . -newer old -name new
