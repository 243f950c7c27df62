yes abc | head -2
