find_first() { for x in "$@"; do if [ "$x" -gt 5 ]; then echo $x; return 0; fi; done; return 1; }
find_first 1 7 9; echo $?
find_first 1 2; echo $?
