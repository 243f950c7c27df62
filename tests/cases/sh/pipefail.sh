set -o pipefail
false | true; echo $?
(exit 3) | (exit 0); echo $?
true | true; echo $?
set +o pipefail
false | true; echo $?
