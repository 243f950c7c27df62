s=$(printf "%04000d" 0)
while :; do echo "$s"; done | { read -r l; echo ${#l}; }
echo "status ${PIPESTATUS[0]}"
