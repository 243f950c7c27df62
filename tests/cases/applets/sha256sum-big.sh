seq 10000 | sha256sum
