awk 'BEGIN{a="foo"; b="bar"; c=a b 1 2; print c}'
