printf 'abc\nxyz\n' | rev
