a=5 b=10
(( a < b )) && echo less
(( a == 5 && b == 10 )) && echo both
(( (a + b) * 2 == 30 )) && echo math
echo $(( a > b ? a : b ))
