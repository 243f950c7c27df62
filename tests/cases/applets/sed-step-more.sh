seq 10 | sed -n '0~4p'; seq 7 | sed '2~3d'; seq 6 | sed -n '1~2{p}'; seq 5 | sed '3~0s/3/x/'
