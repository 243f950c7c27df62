bash -c 'echo "inner $1 $#"' name a b
sh -c 'exit 3'; echo "status $?"
bash -c 'x=1; echo $x'
echo "[${x-unset}]"
