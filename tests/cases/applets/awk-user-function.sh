awk 'function f(a, b) { return a * b + 1 } BEGIN{print f(3, 4)}'
