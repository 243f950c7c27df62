f() { declare v=inner; echo $v; }
f; echo "[${v-unset}]"
g() { declare -g gv=global; }
g; echo $gv
