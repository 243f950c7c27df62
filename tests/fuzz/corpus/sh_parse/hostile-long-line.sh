s=$(printf 'x%.0s' {1..100000})
echo ${#s}
big="$s$s$s$s$s$s$s$s$s$s"
echo ${#big}
