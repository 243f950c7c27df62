printf 'z\n' > f; tar cf - f | tar tf -
