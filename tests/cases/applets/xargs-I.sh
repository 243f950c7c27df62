printf 'a\nb\n' | xargs -I{} echo 'x{}y'
