printf 'foo-1.0-rc1\nfoo-1.0\nfoo-1.10\nfoo-1.9\nfoo-1.2.3\n' | sort -V; printf 'file10.txt\nfile9.txt\nfile1.tar.gz\nfile1.txt\n' | sort -V; printf 'v2\nv10\nv1.5\n' | sort -rV
