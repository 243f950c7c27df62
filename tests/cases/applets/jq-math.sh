jq -n -c '[(2 | pow(.; 10)), (100 | log10), (16 | sqrt), (3.7 | floor), (3.2 | ceil), (-3.5 | fabs), (2.5 | round)]'
