mkdir d; du -s d | cut -f2
