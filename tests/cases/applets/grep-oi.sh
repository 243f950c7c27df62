printf 'Foo foo FOO\n' | grep -oi foo
