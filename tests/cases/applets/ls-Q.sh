mkdir d; touch d/a; ls -Q d
