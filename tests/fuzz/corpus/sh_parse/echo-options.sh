echo -n no-newline; echo
echo -e 'a\tb\nc'
echo -E 'a\tb'
echo -e 'stop\cnever'; echo
echo -- -n
echo -x -n
echo -ne 'x\n'
