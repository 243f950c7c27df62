mkdir d; printf '1\n' > d/a; printf '22\n' > d/b; find d -type f | sort | xargs wc -c
