printf 'x\ny\nx\n' | sed '0,/x/d'; printf 'x\ny\nx\n' | sed '1,/x/d'; printf 'a\nb\nc\n' | sed -n '0,/b/p'
