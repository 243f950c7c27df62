# needs: a writable current folder
echo '1' > a.json; echo '2' > b.json; jq -c -s '.' a.json b.json
