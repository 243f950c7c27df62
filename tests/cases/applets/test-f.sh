touch f; test -f f; echo $?; test -f nosuch; echo $?
