A=1 B=2 bash -c 'echo "$A $B"'
echo "[${A-}${B-}]"
