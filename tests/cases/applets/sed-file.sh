printf 's/a/b/\n' > s.sed; echo aaa | sed -f s.sed
