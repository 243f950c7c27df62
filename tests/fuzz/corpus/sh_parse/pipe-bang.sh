# needs: grep
! true; echo $?
! false; echo $?
! false | false; echo $?
if ! grep -q x <<< "abc"; then echo no-x; fi
