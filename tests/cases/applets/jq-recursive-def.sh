jq -n 'def fac: if . <= 1 then 1 else . * (. - 1 | fac) end; 10 | fac'
