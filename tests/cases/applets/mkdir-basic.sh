mkdir x; ls -d x
