x=$(s=$(printf "%04000d" 0); while :; do echo "$s"; done)
echo "len ${#x}"
