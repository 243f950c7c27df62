printf 'alpha\n' > a; printf 'x\n' > 'name with spaces'
{ sha256sum a 'name with spaces'; echo garbage; echo '# comment'; echo; } > SUMS
sha256sum -c SUMS 2>&1; echo "rc=$?"
sha256sum -c --strict SUMS 2>&1; echo "rc=$?"
sha256sum -c --warn SUMS 2>&1; echo "rc=$?"
echo garbage > BAD; sha256sum -c BAD 2>&1; echo "rc=$?"
h=$(sha256sum a | cut -c1-64)
printf '%s *a\n%s a\n' "$h" "$h" | sha256sum -c; echo "rc=$?"
echo "SHA256 (a) = $h" | sha256sum -c; echo "rc=$?"
echo "$h  a" | tr a-f A-F | sed 's/  A$/  a/' | sha256sum -c; echo "rc=$?"
