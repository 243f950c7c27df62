printf 'xa\nya\nzb\n' | uniq -s1
