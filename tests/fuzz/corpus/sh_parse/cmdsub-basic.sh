x=$(echo hi)
y=`echo there`
echo "$x $y" "$(echo $(echo nested))"
echo "[$(printf 'a\n\n\n')]"
