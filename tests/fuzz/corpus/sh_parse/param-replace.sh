s="one two one two"
echo "${s/one/1}" "|" "${s//one/1}" "|" "${s/#one/X}" "|" "${s/%two/Y}"
echo "${s// /_}" "${s//o}" "${s/t*o/Z}"
path="a/b/c"; echo "${path//\//:}"
