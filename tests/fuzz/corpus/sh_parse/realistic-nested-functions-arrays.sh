add() { local -n ref=$1 2>/dev/null; :; }
push() { eval "$1+=(\"\$2\")"; }
stack=(); push stack one; push stack "two words"
echo "${#stack[@]}: ${stack[1]}"
