touch a b; tar cf t.tar a b; rm a b; tar xf t.tar b; ls
