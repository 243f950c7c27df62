mkdir -p d/e/f; touch d/1 d/e/2 d/e/f/3; find d -maxdepth 1 | sort
