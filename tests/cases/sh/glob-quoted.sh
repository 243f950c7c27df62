# needs: touch
# files
touch x.txt
echo "*.txt" '*.txt' \*.txt *.txt
p='*.txt'; echo $p "$p"
