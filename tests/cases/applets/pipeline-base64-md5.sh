printf 'x' | base64 | md5sum
