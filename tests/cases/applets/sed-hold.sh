printf '1\n2\n3\n' | sed -n 'h;n;G;p'
