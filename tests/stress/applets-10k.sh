# applets-10k.sh [N] — about 22 applet commands per round, N rounds
# (default 455: 10,010 commands) in one shell: nested xargs and find -exec,
# pipes, sed -i, mv, process substitution.  Nothing may trap, the results
# must match bash's, and after a warm-up the sandbox's memory must stay
# flat (WASMBOX_MEMORY, unset under bash).  Run by tests/suites.d/rt-stress.sh.
n=${1:-455}
mkdir -p work/d && cd work || exit 1
printf '%s\n' delta alpha gamma beta > names
i=0
while [ $i -lt "$n" ]; do
    i=$((i + 1))
    [ $i = 20 ] && mem0=${WASMBOX_MEMORY:-}
    printf '%s\n' a b c d | xargs -n1 echo > lst                   # 1
    xargs -I{} cp names d/{} < names                               # 5
    find d -type f -exec sed -i "1s/.*/round $i/" {} +             # 2
    find d -type f -name alpha -exec cat {} \; | wc -l > count     # 3
    sort names | uniq | tr a-z A-Z | head -n 2 > up                # 4
    comm -3 <(sort names) <(tr A-Z a-z < up | sort) | wc -l > diffs # 5
    mv d/alpha d/tmp && mv d/tmp d/alpha                           # 2
done
mem1=${WASMBOX_MEMORY:-}
echo "rounds $i"
cat lst count up diffs
head -n 2 d/alpha d/gamma
if [ -n "$mem0" ] && [ "$mem1" -gt $((mem0 + 1048576)) ]; then
    echo "memory grew from $mem0 to $mem1 bytes after round 20"
else
    echo "memory flat"
fi
