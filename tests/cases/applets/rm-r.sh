mkdir -p d/e; touch d/e/f; rm -r d; ls
