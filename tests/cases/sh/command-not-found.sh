nosuchcmd_zz arg
echo "status $?"
./nosuch.sh
echo "status $?"
