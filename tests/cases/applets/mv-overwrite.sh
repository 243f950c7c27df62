printf 'new\n' > a; printf 'old\n' > b; mv a b; cat b; ls
