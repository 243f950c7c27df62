mapfile -t lines <<EOF
first
second line
third
EOF
echo "${#lines[@]}: ${lines[1]}"
printf 'a\nb\n' | { readarray arr; printf '[%s]' "${arr[@]}"; }
echo
mapfile -t -n 2 two < <(printf '1\n2\n3\n'); echo "${two[@]}"
mapfile -t -s 1 sk < <(printf '1\n2\n3\n'); echo "${sk[@]}"
