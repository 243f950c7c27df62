echo -e 'a\tb\nc'
