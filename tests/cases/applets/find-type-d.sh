mkdir -p d/e/f; find d -type d | sort
