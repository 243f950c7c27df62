read -n 3 x <<< "abcdef"; echo "$x"
read -d , y <<< "first,second"; echo "$y"
read -a arr <<< "x y z"; echo "${arr[1]} ${#arr[@]}"
read -p "prompt: " v <<< "val" 2>/dev/null; echo "$v"
echo "abc" | { read -N 2 two; echo "$two"; }
