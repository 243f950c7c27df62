printf 'a:b\nnodelim\n' | cut -d: -f1 -s
