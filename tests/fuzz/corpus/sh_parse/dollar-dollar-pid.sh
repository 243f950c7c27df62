[ -n "$$" ] && echo has-pid
[ "$$" = "$(echo $$)" ] && echo same-in-subshell
