touch b a; ls a b
