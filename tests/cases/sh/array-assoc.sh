# needs: sort
declare -A m
m[apple]=red; m[banana]=yellow
m["key with space"]=x
echo "${m[apple]} ${m[banana]} ${m[key with space]} ${#m[@]}"
for k in $(printf '%s\n' "${!m[@]}" | sort); do echo "$k=${m[$k]}"; done
unset 'm[apple]'; echo "${#m[@]}"
[[ -v m[banana] ]] && echo has-banana
