set -- a b
echo "$# $1"
set -u
echo "${undefined_var-default}"
set +u
echo "[$undefined_var]"
