x=
echo "${x:?}"
