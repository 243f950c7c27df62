dirname a/b c/d
