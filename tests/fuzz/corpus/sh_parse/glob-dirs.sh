# needs: mkdir touch
# files
mkdir -p src/a src/b; touch src/a/1.c src/b/2.c src/b/3.h
echo src/*/*.c
echo src/*/
for f in src/*/*; do echo "$f"; done
