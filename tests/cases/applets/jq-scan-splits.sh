echo '"a1b22c333"' | jq -c '[scan("[0-9]+")], [splits("[0-9]+")]'
