f() {
  echo in
