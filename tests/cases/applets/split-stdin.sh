seq 4 | split -l 2; ls x*
