validate() {
  local v=$1
  if [[ ! $v =~ ^[0-9]+$ ]]; then echo "invalid: $v" >&2; return 1; fi
  echo "ok: $v"
}
for x in 12 abc 7; do validate "$x" || echo "skip $x"; done 2>&1
