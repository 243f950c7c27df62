mkdir -p d/e; printf 'hit\n' > d/e/f; printf 'miss\n' > d/g; grep -r hit d
