# du counts 4 KiB blocks (as on ext4/tmpfs): small files 4K, directories 4K.
mkdir -p a/b
printf x > a/f
printf '%5000s' '' > a/b/g
printf '%4096s' '' > a/exact
du -a a | sort -k2
du -s a
du -sh a
du -sk a/b
stat -c '%b %B %s' a/f a/b/g a/exact
