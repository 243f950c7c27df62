touch f; unlink f; ls
