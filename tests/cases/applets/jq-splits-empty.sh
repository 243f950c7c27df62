jq -n -c '"" | [splits(",")]'
