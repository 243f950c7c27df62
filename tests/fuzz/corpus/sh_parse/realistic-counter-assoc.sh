# needs: sort tr
text="the cat and the hat and the bat"
declare -A freq
for w in $text; do ((freq[$w]++)); done
for w in $(echo "${!freq[@]}" | tr ' ' '\n' | sort); do echo "$w ${freq[$w]}"; done
