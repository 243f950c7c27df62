printf 'a 1\nb 2\nc 3\n' > x; printf 'a A\nc C\nd D\n' > y; join -a1 -a2 -e NULL -o 0,1.2,2.2 x y; join -a2 -o auto -e '?' x y; join -v1 x y
