printf '1 a\n2 a\n3 b\n' | uniq -f1
