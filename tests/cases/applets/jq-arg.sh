jq -n --arg name world '"hello \($name)"'
