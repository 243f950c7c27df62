printf 'a\na\nb\nc\nc\n' | uniq -d
