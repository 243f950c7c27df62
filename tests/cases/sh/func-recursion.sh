fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }
fact 10
fib() { local n=$1; if ((n<2)); then echo $n; return; fi; echo $(( $(fib $((n-1))) + $(fib $((n-2))) )); }
fib 12
