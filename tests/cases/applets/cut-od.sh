printf 'a:b:c\n' | cut -d: -f1,2 --output-delimiter=-
