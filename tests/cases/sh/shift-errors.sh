set -- a b
shift 3; echo "status $? $#"
shift; echo "$1"
