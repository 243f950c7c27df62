mkdir a; touch a/f; mv a b; ls b
