mkdir d; touch d/a.c d/b.h; find d -type f ! -name '*.c'
