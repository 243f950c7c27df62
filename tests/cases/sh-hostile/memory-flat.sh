# 100,000 commands in one sandbox keep memory flat: builtins, functions,
# subshells, command substitutions, pipelines, here-documents, arrays and
# an applet (tool --help, which allocates and exits) all give back what
# they take.  WASMBOX_MEMORY is the sandbox's linear memory in bytes.
f() { local a=(1 2 3) s="x$1"; echo "${s}${a[1]}"; }
round() {
    for ((i = 0; i < $1; i++)); do
        x=$(f $i)
        echo "$x" | { read -r y; : "$y"; }
        ( z=$i )
        t=$(tool --help 2>&1 >/dev/null; echo ok)
        while read -r l; do :; done <<EOF
$x
EOF
    done
}
round 200
before=$WASMBOX_MEMORY
round 16000
after=$WASMBOX_MEMORY
if [ "$after" = "$before" ]; then echo flat; else echo "grew from $before to $after"; fi
