mkdir d; touch d/a d/b d/c; ls -m d
