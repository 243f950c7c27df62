mkdir d; touch d/a; find d -type f -print0 | tr '\0' '\n'
