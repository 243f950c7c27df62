printf 'a b c\n' | sed ':x;s/ /_/;tx'
