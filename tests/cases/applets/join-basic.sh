printf '1 apple\n2 banana\n3 cherry\n' > a; printf '1 red\n3 dark red\n4 green\n' > b; join a b; echo "rc=$?"
