yes | head -3
