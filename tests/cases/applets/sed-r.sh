printf 'ins\n' > i; seq 2 | sed '1r i'
