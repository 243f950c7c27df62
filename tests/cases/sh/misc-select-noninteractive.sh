select x in a b; do echo "chose $x"; break; done <<< "2"
