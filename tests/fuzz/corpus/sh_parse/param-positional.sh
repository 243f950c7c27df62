set -- one "two three" four
echo $1 "$2" $3 $#
echo "$@"
echo "$*"
IFS=,; echo "$*"; IFS=' '
shift; echo "$1|$#"
shift 2; echo "$#"
