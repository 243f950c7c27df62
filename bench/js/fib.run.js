"fib=" + fib(30)
