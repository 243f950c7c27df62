mkdir d; touch d/b d/a d/c; ls d
