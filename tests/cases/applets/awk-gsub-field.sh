printf 'a-b c-d\n' | awk '{gsub(/-/, "+", $2); print; print NF}'
