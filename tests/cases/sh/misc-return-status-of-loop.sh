for i in 1 2; do false; done; echo $?
for i in; do :; done; echo $?
while false; do :; done; echo $?
