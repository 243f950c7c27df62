jq -n -r '[9731, 65] | implode'
