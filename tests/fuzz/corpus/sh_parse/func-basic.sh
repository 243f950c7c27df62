greet() { echo "Hello, $1!"; }
function shout { echo "${1^^}"; }
function both() { echo "$# args: $*"; }
greet World; shout hey; both a b c
