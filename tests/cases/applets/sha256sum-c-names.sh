printf 'alpha\n' > 'sp ace'
h=$(sha256sum 'sp ace' | cut -c1-64)
{ echo "$h  sp ace"; echo "$h  it's gone"; echo "$h  no such"; } > SUMS
sha256sum -c SUMS 2>&1; echo "rc=$?"
echo junk | sha256sum -c 2>&1; echo "rc=$?"
echo "$h  sp ace" | sha256sum -c - 2>&1; echo "rc=$?"
md5sum -c --status nosuch 2>&1; echo "rc=$?"
