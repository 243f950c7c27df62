# needs: cat
# files
cat > lib.sh <<'EOF'
libvar=fromlib
libfn() { echo "libfn $1"; }
return 3
echo not-here
EOF
. ./lib.sh; echo "status $?"
echo $libvar; libfn x
source ./lib.sh arg
