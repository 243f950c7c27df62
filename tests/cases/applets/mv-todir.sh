touch a; mkdir d; mv a d; ls d
