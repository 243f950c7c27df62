set -e
trap 'echo "cleanup on $?"' EXIT
echo run
false
