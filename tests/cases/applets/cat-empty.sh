printf '' | cat; echo done
