printf 'a\nb' | tail -n 1; echo
