mkdir d; touch d/.h d/v; ls -A d
