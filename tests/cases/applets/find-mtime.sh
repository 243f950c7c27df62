mkdir d; touch d/new; find d -type f -mtime -1
