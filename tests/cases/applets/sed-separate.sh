printf '1\n2\n' > a; printf '3\n4\n' > b; sed -n '$p' a b; sed -s -n '$p' a b; sed -s '1d' a b
