basename /usr/lib/file.txt
