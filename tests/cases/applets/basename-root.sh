basename /
