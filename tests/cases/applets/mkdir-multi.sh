mkdir a b c; ls
