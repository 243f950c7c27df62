printf 'tab\there\n'
printf '%b\n' 'a\tb' 'c\nd'
printf '\x41\101\n'
printf '%q\n' "a b" "it's" plain
