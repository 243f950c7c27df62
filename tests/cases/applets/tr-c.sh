echo 'ab12' | tr -c a-z X
