# needs: mkdir
# files
mkdir a
here=$(pwd)
cd a
[ "$OLDPWD" = "$here" ] && echo oldpwd-ok
cd ..
[ "$PWD" = "$here" ] && echo back
