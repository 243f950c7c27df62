printf '%050d' 0 | base64 -w 20
