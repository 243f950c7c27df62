printf 'b\na\nb\nc\nb\na\n' | sort | uniq -c | sort -rn
