for x in a b stop c; do
  case $x in
    stop) break;;
    *) echo "item $x";;
  esac
done
