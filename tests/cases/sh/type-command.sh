# needs: head
f() { :; }
type f | head -1
type echo cd
type -t if f echo
command -v echo f
type nosuchcmd_zz; echo "status $?"
command -v nosuchcmd_zz; echo "status $?"
