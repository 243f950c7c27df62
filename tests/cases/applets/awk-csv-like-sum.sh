printf 'name,qty\napple,3\npear,5\napple,2\n' | awk -F, 'NR>1{t[$1]+=$2} END{print t["apple"], t["pear"]}'
