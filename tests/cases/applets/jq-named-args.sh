jq -n -c --arg a 1 --argjson b 2 '$ARGS.named'
