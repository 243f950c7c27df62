echo 'Hello World' | sed 's/World/There/' | tr a-z A-Z
