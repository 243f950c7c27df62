a='x y'
eval "b=\"$a\""; echo "$b"
eval 'c=$a'; echo "$c"
cmd=(printf '%s\n' "one two" three)
"${cmd[@]}"
