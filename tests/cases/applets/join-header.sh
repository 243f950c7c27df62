printf 'id name\n1 a\n2 b\n' > x; printf 'id score\n1 90\n3 70\n' > y; join --header x y; join --header -a2 x y
