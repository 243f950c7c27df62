printf '1\n2' | tac; echo
