printf 'content\n' > f; tar cf t.tar f; tar xOf t.tar f
