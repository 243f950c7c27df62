# needs: wc
echo `echo \$HOME | wc -c` > /dev/null
a=`echo "a\\b"`; echo "$a"
echo `echo '\`'`
