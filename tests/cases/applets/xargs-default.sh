printf 'x y\n' | xargs
