touch -c f; ls; echo done
