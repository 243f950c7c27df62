printf x > f; touch e; test -s f; echo $?; test -s e; echo $?
