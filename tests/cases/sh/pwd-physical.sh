pwd >/dev/null && echo pwd-ok
[ "$(pwd)" = "$PWD" ] && echo same
