printf '%+d % d\n' 5 5
