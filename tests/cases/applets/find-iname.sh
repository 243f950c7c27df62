mkdir d; touch d/A.TXT d/b.txt; find d -iname '*.txt' | sort
