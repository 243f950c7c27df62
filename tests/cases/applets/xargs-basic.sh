printf 'a b\nc\n' | xargs echo
