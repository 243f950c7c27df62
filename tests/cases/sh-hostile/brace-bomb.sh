echo {1..100000000} | { read -r w rest; echo "$w"; }
