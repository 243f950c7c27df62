for c in a Z 5 _ ' '; do
  case "$c" in
    [[:digit:]]) echo "digit";;
    [[:alpha:]]) echo "alpha $c";;
    [[:space:]]) echo "space";;
    *) echo "other $c";;
  esac
done
