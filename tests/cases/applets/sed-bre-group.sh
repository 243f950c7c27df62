echo 'aaa bbb' | sed 's/\(a*\) \(b*\)/\2 \1/'
