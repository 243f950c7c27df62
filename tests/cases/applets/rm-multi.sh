touch a b c; rm a b; ls
