# needs: mkdir touch
# files
mkdir -p a/b/c; touch a/1.md a/b/2.md a/b/c/3.md .dot
shopt -s globstar
echo **/*.md
shopt -s dotglob
echo *
