# needs: a writable current folder
printf 'x\ny\n' > in.txt; awk 'BEGIN{while ((getline l < "in.txt") > 0) n++; print n, l}'
