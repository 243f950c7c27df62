printf 'x\n' > a; mv a b; ls; cat b
