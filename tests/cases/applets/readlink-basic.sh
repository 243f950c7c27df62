ln -s target l; readlink l
