a=outer; b=
echo "${b:-${a:-none}}" "${c:-${d:-deep}}"
file=dir/name.ext
base=${file##*/}; echo "${base%.*}"
