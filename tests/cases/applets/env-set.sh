env FOO=bar printenv FOO
