# needs: mkdir touch
# files
touch exists; mkdir adir
[ -e exists ] && echo e
[ -f exists ] && echo f
[ -d adir ] && echo d
[ -f adir ] || echo not-f
[ -e missing ] || echo missing
test -s exists || echo empty
