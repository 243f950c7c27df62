shopt -s extglob
for f in foo.c foo.h bar.txt baz; do
  case $f in
    *.@(c|h)) echo "$f: source";;
    !(*.*)) echo "$f: no ext";;
    *) echo "$f: other";;
  esac
done
[[ aaa == +(a) ]] && echo plus
[[ abab == *(ab) ]] && echo star
[[ x == ?(x|y) ]] && echo opt
