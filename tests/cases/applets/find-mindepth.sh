mkdir -p d/e; touch d/1 d/e/2; find d -mindepth 2 | sort
