arr=(apple "banana split" cherry)
contains() { local x; for x in "${@:2}"; do [[ $x == "$1" ]] && return 0; done; return 1; }
contains "banana split" "${arr[@]}" && echo yes
contains banana "${arr[@]}" || echo no
