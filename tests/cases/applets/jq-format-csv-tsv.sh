echo '[1,"a,b","c\"d"]' | jq -r '@csv, @tsv'
