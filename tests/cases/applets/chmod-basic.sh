# chmod: numeric and symbolic modes, as ls -l, stat and test see them.
umask 022
printf 'echo hi\n' > run.sh
mkdir d
stat -c '%a %A %n' run.sh d
chmod +x run.sh
stat -c '%a %A' run.sh
[ -x run.sh ] && echo executable
chmod 600 run.sh
stat -c '%a' run.sh
chmod u=rwx,g=rx,o= run.sh
stat -c '%a' run.sh
chmod go+w run.sh
stat -c '%a' run.sh
chmod a-x run.sh
[ -x run.sh ] || echo not executable
ls -l run.sh | cut -c1-10
chmod 755 d
ls -ld d | cut -c1-10
