set -e
trap 'echo "trapped status $?"' ERR
echo start
false
echo never
