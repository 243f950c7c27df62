s="hello world"
[[ $s == *world* ]] && echo contains
[[ $s != *xyz* ]] && echo not-contains
case $s in *lo\ wo*) echo case-contains;; esac
