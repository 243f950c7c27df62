mkdir -p d/e; touch d/f d/e/g; ls -R d
