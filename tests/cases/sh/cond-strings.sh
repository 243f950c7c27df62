[[ abc == abc ]] && echo eq
[[ abc != abd ]] && echo ne
[[ abc < abd ]] && echo lt
[[ b > a ]] && echo gt
[[ -z "" && -n x ]] && echo zn
[[ abc ]] && echo nonempty
[[ "" ]] || echo empty
