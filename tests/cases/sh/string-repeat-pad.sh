printf -v line '%*s' 10 ''; echo "[${line// /-}]"
n=5; printf '%0*d\n' $n 42
