mkdir -p d/skip d/keep; touch d/skip/f d/keep/f; find d -name skip -prune -o -type f -print
