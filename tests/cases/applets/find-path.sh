mkdir -p d/e; touch d/e/x d/x; find d -path '*/e/*'
