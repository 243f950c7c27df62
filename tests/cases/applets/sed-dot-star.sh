echo 'key=value' | sed 's/=.*//'
