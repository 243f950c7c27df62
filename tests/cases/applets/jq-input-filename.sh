# needs: a writable current folder
echo '{"x":1}' > data.json; jq 'input_filename' data.json
