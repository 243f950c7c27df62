# needs: wc cat mkdir
# files
# wc pads its columns as GNU does: to the digits of the summed file sizes,
# 7 when an input is a pipe, none for one count of one input.
printf 'ab cd\n' > x
printf 'hello world foo\nbar\n' > y
wc < x
wc x
wc -l x y
echo x | wc
wc -c - < x
wc -lL x
wc nonexist x; echo "status $?"
mkdir dd
wc -l dd x; echo "status $?"
printf 'a\tb\n' | wc -L
wc -w x y
cat x | wc -l x -
wc -m x
printf 'one\ntwo' | wc -l
seq 1 2000 > big
wc big x
wc -c big
printf '\001\002 x\n' | wc -w
