s/ differ: byte / differ: char /
