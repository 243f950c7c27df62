# chmod -R over a tree, mkdir -m, install-style modes kept by cp -p.
umask 022
mkdir -p t/a/b
touch t/f t/a/g t/a/b/h
chmod -R go-rwx t
find t | sort | while read -r p; do stat -c '%a %n' "$p"; done
mkdir -m 700 private
stat -c '%a' private
chmod 640 t/f
cp -p t/f copy
stat -c '%a' copy
cp t/f plain
stat -c '%a' plain
chmod 9999 t/f; echo "rc=$?"
chmod 644 missing; echo "rc=$?"
