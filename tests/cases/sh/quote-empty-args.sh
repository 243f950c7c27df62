printf '<%s>\n' "" '' a "" b
set -- "" ""
echo $#
