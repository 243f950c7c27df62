usage() { echo "usage: prog [-v] file" >&2; return 2; }
main() {
  [ $# -eq 0 ] && { usage; return; }
  echo "file: $1"
}
main; echo "status $?"
main x.txt
