printf 'a\nb' | sed 's/b/c/'; echo
