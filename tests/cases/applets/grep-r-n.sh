mkdir d; printf 'a\nhit\n' > d/f; grep -rn hit d
