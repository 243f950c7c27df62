echo 'a a a a a' | sed 's/a/b/3g'; echo 'x.y.z' | sed 's/\./-/2'; echo 'aaa' | sed 's/a/b/4g'
