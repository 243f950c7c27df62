# needs: mv sed cat ls touch
# files
# rename() resolves its second path in a buffer of wasi-libc's own: made
# inside one mv, it dangled for the next (guest/rt/alloc.c).
touch I_1.JPG I_2.JPG notes.txt
for f in *.JPG; do mv "$f" "${f%.JPG}.jpg"; done
ls
touch a.JPG bb.JPG ccc.JPG
for f in *.JPG; do mv "$f" "${f%.JPG}.jpeg"; done
ls *.jpeg
for f in *.jpeg; do mv "$f" "renamed-with-a-much-longer-name-${f%.jpeg}.jpg"; done
ls renamed-*
printf 'one\n' > conf
for i in 1 2 3 4 5 6; do sed -i "s/\$/ $i/" conf; cat conf; done
ls
