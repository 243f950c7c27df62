printf 'a\n\nb\n' | nl -i 10 -v 5; printf 'a\nb\n' | nl -n ln -w 3 -s '| '; printf 'a\nb\n' | nl -n rz -w 4
