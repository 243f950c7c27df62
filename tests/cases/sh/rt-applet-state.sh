# needs: tar mkdir ls date cat
# files
# What an applet changes in its "process" stays there: a chdir (tar -C),
# a setenv (date -u sets TZ), and no later command sees freed state.
mkdir d
echo x > f
tar -cf a.tar f
tar -C d -xf a.tar
ls
ls d
cd d && tar -C .. -cf ../b.tar f && cd ..
ls
for i in 1 2 3 4 5 6; do date -u -d @0 +%H; done
TZ=UTC date -d @7200 +%H
cat d/f
