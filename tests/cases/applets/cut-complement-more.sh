printf 'a:b:c:d\n' | cut -d: --complement -f1,3; printf 'abcdef\n' | cut --complement -c2-4; printf 'a,b,c\nnone\n' | cut -d, --complement -f2; printf 'a,b\nnone\n' | cut -s -d, -f2 --complement
