x=$(false); echo $?
x=$(true) y=$(false); echo $?
x=1; echo $?
