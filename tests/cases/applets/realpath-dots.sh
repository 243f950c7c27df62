mkdir -p d/e; realpath d/e/../e | sed "s|$(pwd)|PWD|"
