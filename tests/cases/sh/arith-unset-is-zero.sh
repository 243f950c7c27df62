unset q
echo $((q+1)) $((q))
