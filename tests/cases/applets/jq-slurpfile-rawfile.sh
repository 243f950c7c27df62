# needs: a writable current folder
echo '[1,2]' > s.json; printf 'raw text\n' > r.txt; jq -n -c --slurpfile s s.json --rawfile r r.txt '[$s, $r]'
