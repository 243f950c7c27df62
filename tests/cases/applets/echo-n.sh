echo -n abc; echo
