test abc = abc; echo $?
