printf 'x 1\ny 2\nz 3\n' > a; printf '1 one\n3 three\n' > b; join -1 2 -2 1 a b; join -1 2 a b -o 1.1,2.2,0; printf 'k a b\n' > c; printf 'k c\n' > d; join -j 1 c d
