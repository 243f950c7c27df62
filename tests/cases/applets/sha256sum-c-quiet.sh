printf 'alpha\n' > a; printf 'bravo\n' > b
sha256sum a b > SUMS
sha256sum -c --quiet SUMS; echo "rc=$?"
printf 'bravo!\n' > b
sha256sum -c --quiet SUMS 2>&1; echo "rc=$?"
sha256sum -c SUMS 2>&1; echo "rc=$?"
sha256sum --status -c SUMS 2>&1; echo "rc=$?"
