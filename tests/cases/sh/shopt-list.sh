shopt -s nullglob extglob
shopt nullglob extglob
shopt -u extglob; shopt -q extglob || echo extglob-off
shopt -s nosuchopt; echo "status $?"
