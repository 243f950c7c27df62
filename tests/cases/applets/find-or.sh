mkdir d; touch d/a.c d/b.h d/c.x; find d \( -name '*.c' -o -name '*.h' \) | sort
