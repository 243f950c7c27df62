seq 100 | base64
