[[ 1 -eq 1 && ( 2 -eq 3 || 3 -eq 3 ) ]] && echo grouped
[[ ! 1 -eq 2 ]] && echo negated
a=""; [[ -n $a || -z $a ]] && echo no-split-needed
x="a b"; [[ $x == "a b" ]] && echo no-split
