printf 'plain\n'
