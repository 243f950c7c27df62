r=$(case x in x) echo matched;; esac)
echo "$r"
echo "$(echo ')')"
