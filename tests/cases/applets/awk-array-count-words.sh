printf 'a b a\nc a b\n' | awk '{for(i=1;i<=NF;i++) c[$i]++} END{print c["a"], c["b"], c["c"]}'
