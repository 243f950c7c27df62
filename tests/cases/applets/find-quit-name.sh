mkdir d; touch d/x; find d -name x -print -quit
