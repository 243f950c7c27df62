log() { echo "log: $*"; } >&2
log message 2>&1
f() { echo body; } > /dev/null
f; echo after
