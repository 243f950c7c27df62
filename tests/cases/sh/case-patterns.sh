for x in A b '*' '?' 'x y'; do
  case $x in
    [[:upper:]]) echo "$x upper";;
    [a-c]) echo "$x low";;
    '*') echo "star";;
    \?) echo "qmark";;
    'x y') echo "space";;
  esac
done
case foo in (foo) echo paren-ok;; esac
