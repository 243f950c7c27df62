s="version 12.34.5"
if [[ $s =~ ([0-9]+)\.([0-9]+)\.([0-9]+) ]]; then
  echo "${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${BASH_REMATCH[3]}"
fi
[[ abc =~ ^a.c$ ]] && echo anchored
re='^[a-z]+@[a-z]+\.com$'
[[ bob@ex.com =~ $re ]] && echo email
[[ a.c =~ "a.c" ]] && echo quoted-ok
[[ abc =~ "a.c" ]] || echo quoted-literal
[[ foo =~ (x|o) ]] && echo "alt ${BASH_REMATCH[1]}"
