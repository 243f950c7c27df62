printf 'abcdef' | od -An -c -N3
