# needs: cat wc
# files
echo hello > f.txt
cat < f.txt
echo more >> f.txt
cat f.txt
wc -l < f.txt
