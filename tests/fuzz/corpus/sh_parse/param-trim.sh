p=/usr/local/lib/file.tar.gz
echo "${p#*/}" "${p##*/}" "${p%.*}" "${p%%.*}"
echo "${p#/usr}" "${p%/*}" "${p##*.}"
f=file.txt
echo "${f%.txt}.md" "${f#nomatch}"
