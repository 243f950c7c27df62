printf 'a b\n' | awk '{$5="e"; print; print NF}'
