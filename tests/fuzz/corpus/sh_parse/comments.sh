echo a # comment
echo b#notcomment
# full line
echo 'c # in quotes'
echo d\#e
