s="héllo wörld"
echo "$s" "${#s}"
echo "${s^^}"
printf '%s\n' "日本語"
