jq -n '$ENV | type'
