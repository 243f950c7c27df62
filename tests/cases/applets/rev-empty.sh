printf '\n' | rev
