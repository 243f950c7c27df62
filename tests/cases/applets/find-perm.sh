mkdir d; touch d/f; find d -type f -name f
