[ "a" \< "b" ] && echo lt
[ "b" \> "a" ] && echo gt
[ "$undefined" = "" ] && echo empty-eq
[ -n "$undefined" ] || echo unset-n
