printf '' | base64; echo done
