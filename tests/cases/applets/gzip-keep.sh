printf 'x\n' > f; gzip -k f; ls
