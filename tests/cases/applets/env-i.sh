env -i A=1 printenv A
