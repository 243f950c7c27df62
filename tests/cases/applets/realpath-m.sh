realpath -m x/../y | sed "s|$(pwd)|PWD|"
