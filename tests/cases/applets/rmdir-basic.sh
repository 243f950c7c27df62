mkdir x; rmdir x; ls
