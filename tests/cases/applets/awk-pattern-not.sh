printf 'a\nb\nc\n' | awk '!/b/'
