touch -d '2000-01-01' a; touch b; test b -nt a; echo $?
