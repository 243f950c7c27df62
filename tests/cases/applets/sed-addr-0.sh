printf 'x\nx\n' | sed '0,/x/s/x/y/'
