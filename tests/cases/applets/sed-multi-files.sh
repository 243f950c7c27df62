printf '1\n' > a; printf '2\n' > b; sed -n '$p' a b
