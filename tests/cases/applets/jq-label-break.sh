jq -n -c '[label $out | range(10) | if . > 3 then ., break $out else . end]'
