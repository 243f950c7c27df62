test 1 -eq 1 && echo a
[ "abc" = "abc" ] && echo b
[ "abc" != "abd" ] && echo c
[ -z "" ] && echo d
[ -n "x" ] && echo e
[ 5 -gt 3 -a 2 -lt 4 ] && echo f
[ 1 -eq 2 -o 3 -eq 3 ] && echo g
[ ! -z "x" ] && echo h
[ x ] && echo i
[ ] || echo j
