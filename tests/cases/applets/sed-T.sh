printf 'a\nb\n' | sed 's/a/A/;T;s/$/!/'
