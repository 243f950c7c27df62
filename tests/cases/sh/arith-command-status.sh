(( 0 )); echo $?
(( 5 )); echo $?
(( x = 3 )); echo "$? $x"
if (( x > 2 )); then echo big; fi
