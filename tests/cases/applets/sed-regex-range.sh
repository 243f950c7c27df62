printf 'a\nstart\nx\nend\nb\n' | sed -n '/start/,/end/p'
