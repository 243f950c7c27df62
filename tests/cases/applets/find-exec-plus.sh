mkdir d; printf '1\n' > d/a; printf '2\n' > d/b; find d -type f -exec cat {} + | sort
