printf 'Apple\napple\nAPPLE\nx\n' | grep -i apple
