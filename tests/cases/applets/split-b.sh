printf 'abcdef' > f; split -b 4 f p; cat pab; echo
