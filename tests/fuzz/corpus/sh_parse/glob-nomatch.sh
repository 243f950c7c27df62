# files
echo *.none
shopt -s nullglob
echo *.none
echo "[" *.none "]"
shopt -u nullglob
