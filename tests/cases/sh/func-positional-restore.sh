set -- outer1 outer2
f() { echo "f: $1 $#"; set -- changed; echo "f2: $1"; }
f inner
echo "main: $1 $#"
