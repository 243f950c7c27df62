while read -r l; do echo "<$l>"; done <<< "one
two"
