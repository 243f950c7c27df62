mkdir -p d/e; touch d/f; printf x > d/g; find d -empty | sort
