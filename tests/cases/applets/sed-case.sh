echo 'hello world' | sed -E 's/(\w+)/\u\1/g'
