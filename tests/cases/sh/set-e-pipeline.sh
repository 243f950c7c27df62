set -e
false | true
echo survives-pipeline
set -o pipefail
false | true
echo never
