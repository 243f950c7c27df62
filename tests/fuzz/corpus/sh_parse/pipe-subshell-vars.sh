x=1
echo 5 | read x
echo $x
echo 7 | { read x; echo inner $x; }
echo outer $x
