touch a b; mkdir d; cp a b d; ls d
