[[ 10 -gt 9 ]] && echo gt
[[ 3 -eq 3 && 2 -ne 3 ]] && echo eqne
[[ 1+1 -eq 2 ]] && echo arith
x=5; [[ x -le 5 ]] && echo var-arith
[[ 010 -eq 8 ]] && echo octal
