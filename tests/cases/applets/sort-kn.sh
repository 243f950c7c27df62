printf 'x 30\ny 4\nz 200\n' | sort -k2n
