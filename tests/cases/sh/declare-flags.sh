# needs: grep env
declare -i n=5+5; echo $n
declare -u up=hello; echo $up
declare -l low=HELLO; echo $low
declare -x ex=1; env | grep -c '^ex=1$'
declare -a arr=(1 2); echo ${arr[1]}
