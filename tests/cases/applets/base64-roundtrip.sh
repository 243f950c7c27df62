seq 50 | base64 | base64 -d | tail -1
