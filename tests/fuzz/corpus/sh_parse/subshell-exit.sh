(exit 7); echo $?
( echo in; exit 2; echo not ); echo $?
