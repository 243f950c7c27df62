echo \$x \"q\" a\ b \\ \'
echo "a\
b"
echo a\
b
