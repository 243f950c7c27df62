echo hello | sed 's/l/L/'
