mkdir d; touch d/t; ln -s d/t l; readlink -f l | sed "s|$(pwd)|PWD|"
