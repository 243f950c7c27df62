dirname /usr/lib/file.txt
