# needs: basename dirname
p=/var/log/nginx/access.log.1
dir=${p%/*}; file=${p##*/}; ext=${file##*.}; stem=${file%%.*}
echo "$dir | $file | $ext | $stem"
echo "$(basename "$p") $(dirname "$p")"
