# needs: mv touch ls
# files
touch IMG_1.JPG IMG_2.JPG notes.txt
for f in *.JPG; do mv "$f" "${f%.JPG}.jpg"; done
ls
