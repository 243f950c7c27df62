HOME=/home/me
echo ~ ~/x "~" ~nosuchuser_zz/y
x=~/a; echo $x
PATH2=~/a:~/b; echo $PATH2
