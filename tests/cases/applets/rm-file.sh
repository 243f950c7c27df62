touch f; rm f; ls
