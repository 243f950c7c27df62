x=1; unset y
[[ -v x ]] && echo x-set
[[ -v y ]] || echo y-unset
a=(1); [[ -v a[0] ]] && echo a0
[[ -v a[3] ]] || echo no-a3
