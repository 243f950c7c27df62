printf 'hello world\n' | xxd
