outer() { echo "${FUNCNAME[0]} ${FUNCNAME[1]}"; inner; }
inner() { echo "${FUNCNAME[0]} <- ${FUNCNAME[1]}"; }
outer
