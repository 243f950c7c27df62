jq -n -c '[infinite, -infinite, nan] | map(isinfinite), (nan | isnan), ([nan] | tojson)'
