eval 'f() { echo "made by eval $1"; }'
f arg
for n in a b; do eval "fn_$n() { echo fn_$n; }"; done
fn_a; fn_b
