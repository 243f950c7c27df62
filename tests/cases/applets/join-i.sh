printf 'Apple 1\nbanana 2\n' > x; printf 'apple red\nBANANA yellow\n' > y; join -i x y; echo "rc=$?"; join x y; echo "rc=$?"
