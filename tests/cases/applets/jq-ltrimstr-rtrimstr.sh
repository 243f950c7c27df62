echo '"prefix-body-suffix"' | jq -c 'ltrimstr("prefix-"), rtrimstr("-suffix"), startswith("pre"), endswith("x")'
