set -e
check() { return 1; }
if check; then echo yes; else echo no; fi
check || echo handled
check
echo never
