jq -n 'reduce range(1;6) as $i (0; . + $i)'
