mkdir d; mkdir d/sub; touch d/f; ls -F d
