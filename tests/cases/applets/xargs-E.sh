printf 'a\nSTOP\nb\n' | xargs -E STOP echo
