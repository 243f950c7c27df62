echo 'aaa111bbb' | tr -ds 1 a
