printf 'start x\nx start\n' | grep '^start'
