# files
printf 'line1\nline2\n' > in.txt
exec 5< in.txt
read a <&5
read b <&5
echo "$b $a"
exec 5<&-
