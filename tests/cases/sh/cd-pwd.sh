# needs: sed mkdir
# files
mkdir -p sub/deeper
start=$(pwd)
cd sub; echo "${PWD#$start}"
cd deeper; pwd | sed "s|^$start||"
cd ..; cd -  | sed "s|^$start||"
cd "$start"
cd nonexistent; echo "status $?"
