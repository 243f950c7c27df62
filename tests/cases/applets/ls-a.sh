mkdir d; touch d/.h d/v; ls -a d
