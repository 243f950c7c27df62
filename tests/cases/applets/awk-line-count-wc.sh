printf 'a b\nc d e\n' | awk '{w+=NF; c+=length($0)+1} END{print NR, w, c}'
