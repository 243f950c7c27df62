printf 'alpha\n' > a
sha256sum a > SUMS; echo "$(sha256sum a | cut -c1-64)  missing" >> SUMS
sha256sum -c SUMS 2>&1; echo "rc=$?"
sha256sum -c --ignore-missing SUMS 2>&1; echo "rc=$?"
echo "$(sha256sum a | cut -c1-64)  gone" > ONLYMISSING
sha256sum -c --ignore-missing ONLYMISSING 2>&1; echo "rc=$?"
sha256sum -c nosuch 2>&1; echo "rc=$?"
