cmd='echo evaluated'
eval "$cmd"
eval x=5; echo $x
var=name; eval "$var=dynamic"; echo $name
eval 'for i in 1 2; do echo $i; done'
