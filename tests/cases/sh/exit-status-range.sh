(exit 256); echo $?
(exit 300); echo $?
(exit -1); echo $?
