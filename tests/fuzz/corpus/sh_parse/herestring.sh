# needs: cat wc
read a b <<< "one two three"
echo "$a|$b"
cat <<< 'literal $x'
x=5; cat <<< "$x apples"
wc -c <<< "abc"
