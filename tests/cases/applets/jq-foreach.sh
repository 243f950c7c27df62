jq -n -c '[foreach (1,2,3) as $x (0; . + $x)]'
