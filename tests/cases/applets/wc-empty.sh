printf '' | wc -l
