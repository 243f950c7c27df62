mkdir d; printf 'hit\n' > d/a.txt; printf 'hit\n' > d/b.log; grep -r --include='*.txt' hit d
