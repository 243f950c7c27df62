touch f; ls
