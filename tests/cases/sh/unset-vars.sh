x=1; unset x; echo "[${x-unset}]"
readonly r=1; unset r; echo "status $?"
f() { :; }; unset f; type f >/dev/null 2>&1 || echo f-gone
