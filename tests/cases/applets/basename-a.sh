basename -a /x/y /z/w
