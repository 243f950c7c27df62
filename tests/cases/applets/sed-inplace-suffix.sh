printf 'a\nb\n' > f; sed -i.bak 's/a/A/' f; cat f; cat f.bak; printf 'x\n' > g; sed --in-place -e 's/x/y/' g; cat g; sed --quiet --expression='p' g; sed -n --regexp-extended 's/(y)/[\1]/p' g
