mkdir d; ls -d d
