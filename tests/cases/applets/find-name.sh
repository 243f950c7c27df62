mkdir -p d/e; touch d/a.txt d/e/b.txt d/c.log; find d -name '*.txt' | sort
