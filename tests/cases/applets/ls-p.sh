mkdir d; mkdir d/s; touch d/t; ls -p d
