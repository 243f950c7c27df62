printf 'a\nb\n' | awk '{printf "%s,", $0} END{print ""}'
