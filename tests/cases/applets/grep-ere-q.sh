printf 'color\ncolour\n' | grep -E 'colou?r'
