mkdir d; touch d/x d/y; ls -1 d
