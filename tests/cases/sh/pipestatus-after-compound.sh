{ false; } | true
echo "${PIPESTATUS[@]}"
true
echo "${PIPESTATUS[@]}"
