basename /usr/lib/file.txt .txt
