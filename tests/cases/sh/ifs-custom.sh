IFS=: ; x="a:b::c"
set -- $x; echo $#; printf '<%s>' "$@"; echo
IFS=' ' 
line="k=v"; IFS== read k v <<< "$line"; echo "$k -> $v"
