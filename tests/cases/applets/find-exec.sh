mkdir d; printf 'hi\n' > d/a; find d -type f -exec cat {} \;
