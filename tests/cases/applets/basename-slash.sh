basename /usr/lib/
