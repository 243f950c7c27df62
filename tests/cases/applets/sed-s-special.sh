echo 'a.b.c' | sed 's/\./-/g'
