printf '%d\n' "'A"
