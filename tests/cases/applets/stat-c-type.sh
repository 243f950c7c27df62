mkdir d; touch f; stat -c %F d f
