config='name=demo
port=8080
# comment
debug=true'
declare -A cfg
while IFS='=' read -r k v; do
  [[ -z $k || $k == \#* ]] && continue
  cfg[$k]=$v
done <<< "$config"
echo "${cfg[name]}:${cfg[port]} debug=${cfg[debug]}"
