mkdir -p d/e; touch d/f d/e/g; find d -type f | sort
