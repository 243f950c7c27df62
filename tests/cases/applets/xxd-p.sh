printf 'hi' | xxd -p
