echo aabbcc | tr -s ab
