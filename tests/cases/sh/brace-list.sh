echo {a,b,c}
echo x{1,2}y
echo {a,b}{1,2}
echo pre{,fix}
echo {a,{b,c}}
echo "{a,b}" {single}
