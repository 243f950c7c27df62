test abc != abd; echo $?
