echo 'a1b22' | tr -d '[:digit:]'
