jq -n -c '$ARGS.positional' --args a b c
