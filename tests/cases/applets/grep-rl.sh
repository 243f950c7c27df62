mkdir d; printf 'hit\n' > d/a; printf 'no\n' > d/b; grep -rl hit d
