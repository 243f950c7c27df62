mkdir -p d/e; cd d; realpath e | sed "s|$(pwd)|PWD|"
