// fib(30), recursive: calls, integer arithmetic, global lookups.
function fib(n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
