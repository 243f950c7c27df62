printf 'k 1\nk 2\nm 3\n' > x; printf 'k a\nk b\nm c\nm d\n' > y; join x y
