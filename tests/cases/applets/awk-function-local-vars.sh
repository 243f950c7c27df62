awk 'function f(x,  tmp) { tmp = x * 2; return tmp } BEGIN{tmp = 1; print f(5), tmp}'
