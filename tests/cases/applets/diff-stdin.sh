printf 'a\n' > x; printf 'b\n' | diff x -; echo "rc=$?"
