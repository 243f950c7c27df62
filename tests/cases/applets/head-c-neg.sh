printf 'abcdef' | head -c -2; echo; seq 5 | head -n -2; printf 'a\nb\nc' | head -n -1; seq 3 | head -n -5; echo end
